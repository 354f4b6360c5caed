package dev.kassa.payment.merchant;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /admin/merchants/{id}/keys}: none, or {@code {}}; any field is refused (strict JSON). */
@Schema(types = "object", description = "Empty: a field is refused (400)")
record NewKeyRequest() {
}
