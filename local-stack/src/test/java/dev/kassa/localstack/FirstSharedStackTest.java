package dev.kassa.localstack;

import org.junit.jupiter.api.Test;

/** With {@link SecondSharedStackTest}: whichever runs later sees the instance the other saw. */
@WithLocalStack
class FirstSharedStackTest {

    @Test
    void getsTheJvmWideSharedStack(LocalStack stack, KafkaBroker kafka, PostgresServer postgres) {
        SharedStackProbe.assertOnlyOneInstance(stack, kafka, postgres);
    }
}
