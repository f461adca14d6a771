package cn.faultaccountability.calendar;

import java.util.List;

/**
 * A {@code statutory-deadlines} table (SPEC §4.5 contract) written by a test, deployed as an administrator's revision
 * would be: the API must use the tenant's latest version, whatever the shipped tables say.
 */
final class DeadlinesTableFixture {

  record Row(String stage, String period, String maxExtension, boolean countWorkingDays, String warnBefore,
      String basis) {}

  private DeadlinesTableFixture() {}

  static String dmn(String versionTag, List<Row> rows) {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="calendar_test_deadlines" name="测试期限表" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="statutory-deadlines" name="法定期限（测试）" camunda:versionTag="%s" camunda:historyTimeToLive="1">
            <decisionTable id="table" hitPolicy="UNIQUE">
              <input id="in_stage"><inputExpression id="in_stage_expr" typeRef="string"><text>stage</text></inputExpression></input>
              <output id="out_period" name="period" typeRef="string"/>
              <output id="out_maxExtension" name="maxExtension" typeRef="string"/>
              <output id="out_countWorkingDays" name="countWorkingDays" typeRef="boolean"/>
              <output id="out_warnBefore" name="warnBefore" typeRef="string"/>
              <output id="out_basis" name="basis" typeRef="string"/>
        """.formatted(versionTag));
    int i = 0;
    for (Row row : rows) {
      i++;
      xml.append("""
                <rule id="r%1$d">
                  <inputEntry id="r%1$d_in"><text>"%2$s"</text></inputEntry>
                  <outputEntry id="r%1$d_period"><text>"%3$s"</text></outputEntry>
                  <outputEntry id="r%1$d_max"><text>%4$s</text></outputEntry>
                  <outputEntry id="r%1$d_working"><text>%5$s</text></outputEntry>
                  <outputEntry id="r%1$d_warn"><text>"%6$s"</text></outputEntry>
                  <outputEntry id="r%1$d_basis"><text>"%7$s"</text></outputEntry>
                </rule>
          """.formatted(i, row.stage(), row.period(),
          row.maxExtension() == null ? "null" : "\"" + row.maxExtension() + "\"", row.countWorkingDays(),
          row.warnBefore(), row.basis()));
    }
    return xml.append("""
            </decisionTable>
          </decision>
        </definitions>
        """).toString();
  }
}
