package cn.faultaccountability.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactTest {

  @ParameterizedTest
  @CsvSource({
      "someone@example.cn, EMAIL",
      "zhang.san+case@mail.gov.cn, EMAIL",
      "13800000000, PHONE",
      "+86 138 0000 0000, PHONE",
      "0519-88886666, PHONE",
      "(0432)6228-1234, PHONE",
      "张三 微信号 zs123, OTHER",
      "12345, OTHER",
      "someone@localhost, OTHER"})
  void classifies(String contact, Contact.Kind kind) {
    assertThat(Contact.of(contact).kind()).isEqualTo(kind);
  }
}
