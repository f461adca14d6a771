package cn.faultaccountability.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code accountability.notification.*} (docs/documents.md).
 *
 * @param channel {@code log} (embedded default: notices go to the log) or {@code smtp} (e-mail through
 *     {@code spring.mail.*})
 * @param from the sender address of e-mails (required with {@code smtp})
 */
@ConfigurationProperties(prefix = "accountability.notification")
public record NotificationProperties(@DefaultValue("log") String channel, String from) {}
