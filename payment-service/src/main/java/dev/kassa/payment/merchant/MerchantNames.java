package dev.kassa.payment.merchant;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** A merchant's display name, for what other features show about it (a receipt's header). */
@Component
public class MerchantNames {

    private final Merchants merchants;

    MerchantNames(Merchants merchants) {
        this.merchants = merchants;
    }

    public Optional<String> nameOf(String merchantId) {
        return merchantId == null ? Optional.empty() : merchants.findById(merchantId).map(Merchant::name);
    }
}
