package cn.faultaccountability.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.faultaccountability.decisions.EntrySet.Domain;
import org.junit.jupiter.api.Test;

/** The static overlap analysis of input entries. */
class EntrySetTest {

  private static Boolean meet(String a, String b, Domain domain) {
    return EntrySet.intersects(EntrySet.parse(a, domain), EntrySet.parse(b, domain));
  }

  @Test
  void strings() {
    assertThat(meet("\"A\"", "\"B\"", Domain.STRING)).isFalse();
    assertThat(meet("\"A\",\"B\"", "\"B\"", Domain.STRING)).isTrue();
    assertThat(meet("-", "\"B\"", Domain.STRING)).isTrue();
    assertThat(meet("not(\"FAIL\")", "\"FAIL\"", Domain.STRING)).isFalse();
    assertThat(meet("not(\"FAIL\")", "\"GOOD\"", Domain.STRING)).isTrue();
    // not("FAIL") accepts null (FEEL-Scala), so it meets an explicit null test
    assertThat(meet("not(\"FAIL\")", "null", Domain.STRING)).isTrue();
    assertThat(meet("\"FAIL\"", "null", Domain.STRING)).isFalse();
    assertThat(meet("not(\"A\")", "not(\"B\")", Domain.STRING)).isTrue();
  }

  @Test
  void booleans() {
    assertThat(meet("true", "false", Domain.BOOLEAN)).isFalse();
    assertThat(meet("true", "-", Domain.BOOLEAN)).isTrue();
    assertThat(meet("null", "false", Domain.BOOLEAN)).isFalse();
    assertThat(meet("not(true)", "false", Domain.BOOLEAN)).isTrue();
    assertThat(meet("not(true)", "true", Domain.BOOLEAN)).isFalse();
  }

  @Test
  void integersAndRanges() {
    assertThat(meet(">= 2", "[1..2]", Domain.INTEGER)).isTrue();
    assertThat(meet(">= 2", "1", Domain.INTEGER)).isFalse();
    // over the integers < 2 and > 1 leave no common value; over the reals they would (1.5)
    assertThat(meet("< 2", "> 1", Domain.INTEGER)).isFalse();
    assertThat(meet("< 2", "> 1", Domain.NUMBER)).isTrue();
    assertThat(meet(">= 95", "[85..95[", Domain.NUMBER)).isFalse();
    assertThat(meet(">= 95", "[85..95]", Domain.NUMBER)).isTrue();
    assertThat(meet("< 70", "[70..85[", Domain.NUMBER)).isFalse();
    assertThat(meet("]1..3[", "3", Domain.INTEGER)).isFalse();
    assertThat(meet("not(< 70)", "69", Domain.NUMBER)).isFalse();
    assertThat(meet("not(< 70)", "70", Domain.NUMBER)).isTrue();
    assertThat(meet("not([1..3])", "2", Domain.INTEGER)).isFalse();
    assertThat(meet("not([1..3])", "4, 0", Domain.INTEGER)).isTrue();
    assertThat(meet("1, >= 3", "2", Domain.INTEGER)).isFalse();
    assertThat(meet("1, >= 3", "[2..3]", Domain.INTEGER)).isTrue();
  }

  @Test
  void unknownFormsAreUndecided() {
    assertThat(meet("list contains(?, \"A\")", "-", Domain.OTHER)).isNull();
    assertThat(meet("-", "-", Domain.OTHER)).isTrue();
    assertThat(meet("? > score", "1", Domain.INTEGER)).isNull();
  }

  @Test
  void literalsAreFoundInsideFunctionCalls() {
    assertThat(EntrySet.stringLiterals("list contains(?, \"A\") and list contains(?, \"B\") = false"))
        .containsExactly("A", "B");
  }
}
