package dev.arbiter.engine.service;

import dev.arbiter.engine.service.security.Roles;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in and with which roles: the console shows each user only what their roles may do. */
@RestController
class MeController {

    @GetMapping(path = "/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> me(Authentication user) {
        List<String> roles = Roles.of(user);
        return Map.of("user", user.getName(), "roles", roles);
    }
}
