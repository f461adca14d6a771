package cn.faultaccountability.cases;

/** One problem with one input field: the field's (English) name and what is wrong, in Chinese. */
public record FieldError(String field, String message) {}
