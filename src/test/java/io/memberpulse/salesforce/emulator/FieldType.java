package io.memberpulse.salesforce.emulator;

/** Field types as describe reports them. */
public enum FieldType {
    ID("id"), STRING("string"), TEXTAREA("textarea"), EMAIL("email"), PHONE("phone"), URL("url"),
    PICKLIST("picklist"), MULTIPICKLIST("multipicklist"), BOOLEAN("boolean"), DATE("date"),
    DATETIME("datetime"), DOUBLE("double"), INT("int"), CURRENCY("currency"), REFERENCE("reference");

    private final String describeName;

    FieldType(String describeName) {
        this.describeName = describeName;
    }

    public String describeName() {
        return describeName;
    }

    public boolean isText() {
        return this == STRING || this == TEXTAREA || this == EMAIL || this == PHONE || this == URL
                || this == PICKLIST || this == MULTIPICKLIST;
    }

    public boolean isNumber() {
        return this == DOUBLE || this == INT || this == CURRENCY;
    }
}
