package dev.kassa.ledger.account;


/** The kind of an account decides on which side it grows, and so the sign of its balance. */
public enum AccountType {
    /** What others owe us (psp_receivable): grows with debits. */
    ASSET(Side.DEBIT),
    /** What we owe others (seller_payable:&lt;seller&gt;): grows with credits. */
    LIABILITY(Side.CREDIT),
    /** What the platform spent (dispute_fees): grows with debits. */
    EXPENSE(Side.DEBIT);

    private final Side normalSide;

    AccountType(Side normalSide) {
        this.normalSide = normalSide;
    }

    public Side normalSide() {
        return normalSide;
    }

    /** The balance on the account's normal side: positive means the account holds what its name says. */
    public long balanceMinor(long debitsMinor, long creditsMinor) {
        return normalSide == Side.DEBIT
                ? Math.subtractExact(debitsMinor, creditsMinor)
                : Math.subtractExact(creditsMinor, debitsMinor);
    }
}
