package dev.kassa.payment.merchant;

/** Body of {@code POST /admin/merchants/{id}/keys}: none, or {@code {}}; any field is refused (strict JSON). */
record NewKeyRequest() {
}
