package dev.kassa.reconciliation.settlement;

/** The {@code type} column of the settlement file, in its own spelling. */
enum SettlementType {
    CHARGE("charge"),
    REFUND("refund");

    private final String code;

    SettlementType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The type of a column value, or null when it is none of them. */
    public static SettlementType ofCode(String code) {
        for (SettlementType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        return null;
    }
}
