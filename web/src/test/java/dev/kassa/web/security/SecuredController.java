package dev.kassa.web.security;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints guarded by the test application's access rules, answering with the actor they saw. */
@RestController
class SecuredController {

    @GetMapping({"/secured/read", "/secured/merchant", "/admin/faults", "/secured/undeclared"})
    Map<String, Object> read() {
        KassaActor actor = KassaActor.required();
        return Map.of("actor", actor.id(), "credential", actor.credentialId());
    }

    @PostMapping("/secured/act")
    Map<String, Object> act() {
        return read();
    }
}
