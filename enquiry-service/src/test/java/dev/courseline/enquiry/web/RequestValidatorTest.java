package dev.courseline.enquiry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    enum Colour {
        RED, GREEN
    }

    private final List<FieldProblem> problems = new ArrayList<>();

    @Test
    void aConstantIsReadAsWrittenAndAbsentOrEmptyMeansNone() {
        assertThat(RequestValidator.constantOf(Colour.class, "colour", "GREEN", problems)).isEqualTo(Colour.GREEN);
        assertThat(RequestValidator.constantOf(Colour.class, "colour", " RED ", problems)).isEqualTo(Colour.RED);
        assertThat(RequestValidator.constantOf(Colour.class, "colour", null, problems)).isNull();
        assertThat(RequestValidator.constantOf(Colour.class, "colour", "", problems)).isNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void anUnknownConstantNamesTheParameterAndEveryAcceptedValue() {
        assertThat(RequestValidator.constantOf(Colour.class, "colour", "BLUE", problems)).isNull();
        assertThat(RequestValidator.constantOf(Colour.class, "colour", "red", problems)).isNull();

        assertThat(problems).containsExactly(
                new FieldProblem("colour", "must be one of RED, GREEN"),
                new FieldProblem("colour", "must be one of RED, GREEN"));
    }

    @Test
    void aWholeNumberInRangeIsRead() {
        assertThat(RequestValidator.wholeNumber("size", "1", 1, 200, problems)).isEqualTo(1);
        assertThat(RequestValidator.wholeNumber("size", " 200 ", 1, 200, problems)).isEqualTo(200);
        assertThat(RequestValidator.wholeNumber("page", "0", 0, Integer.MAX_VALUE, problems)).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void aBadNumberNamesTheParameterAndTheRange() {
        RequestValidator.wholeNumber("page", "-1", 0, Integer.MAX_VALUE, problems);
        RequestValidator.wholeNumber("page", "abc", 0, Integer.MAX_VALUE, problems);
        RequestValidator.wholeNumber("size", "0", 1, 200, problems);
        RequestValidator.wholeNumber("size", "201", 1, 200, problems);
        RequestValidator.wholeNumber("size", "2.5", 1, 200, problems);
        RequestValidator.wholeNumber("size", "99999999999", 1, 200, problems);

        assertThat(problems).containsExactly(
                new FieldProblem("page", "must be 0 or more"),
                new FieldProblem("page", "must be a whole number, 0 or more"),
                new FieldProblem("size", "must be between 1 and 200"),
                new FieldProblem("size", "must be between 1 and 200"),
                new FieldProblem("size", "must be a whole number between 1 and 200"),
                new FieldProblem("size", "must be a whole number between 1 and 200"));
    }
}
