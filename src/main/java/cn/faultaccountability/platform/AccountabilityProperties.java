package cn.faultaccountability.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Our settings ({@code accountability.*} in application.yaml).
 *
 * @param demoUsers create the demo staff of every role in every tenant and {@code demo}/{@code demo} (embedded default only)
 * @param adminUser the administrator to create when demo users are off (production)
 * @param adminPassword its password, from the environment ({@code ADMIN_PASSWORD})
 */
@ConfigurationProperties(prefix = "accountability")
public record AccountabilityProperties(boolean demoUsers, String adminUser, String adminPassword) {}
