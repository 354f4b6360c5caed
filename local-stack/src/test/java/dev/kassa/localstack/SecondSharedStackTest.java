package dev.kassa.localstack;

import org.junit.jupiter.api.Test;

/** With {@link FirstSharedStackTest}: whichever runs later sees the instance the other saw. */
@WithLocalStack
class SecondSharedStackTest {

    @Test
    void getsTheJvmWideSharedStack(LocalStack stack, KafkaBroker kafka, PostgresServer postgres) {
        SharedStackProbe.assertOnlyOneInstance(stack, kafka, postgres);
    }
}
