package io.accords.http.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A problem keeps to the lengths and counts the OpenAPI document gives it, whatever a request made it say. */
class ProblemLimitsTest {

    @Test
    void aLongDetailIsCutWithAnEllipsisAndLongListsAreCapped() {
        List<FieldViolation> many = IntStream.range(0, Problem.MAX_ITEMS + 50)
                .mapToObj(i -> new FieldViolation("f" + i, "x".repeat(Problem.MAX_TEXT + 10)))
                .toList();
        Problem problem = new Problem(
                "/problems/invalid-request", "Request is not valid", 400, "d".repeat(3000), "/api", many, null);
        assertEquals(Problem.MAX_TEXT, problem.detail().length());
        assertTrue(problem.detail().endsWith("…"));
        assertEquals(Problem.MAX_ITEMS, problem.errors().size());
        assertEquals(Problem.MAX_TEXT, problem.errors().get(0).message().length());
        Problem small = new Problem("/problems/not-found", "Not found", 404, "No record", "/api", null, null);
        assertEquals("No record", small.detail());
    }
}
