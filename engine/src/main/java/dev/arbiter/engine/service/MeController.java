package dev.arbiter.engine.service;

import dev.arbiter.engine.service.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in and with which roles: the console shows each user only what their roles may do. */
@Tag(name = "Sign-in")
@RestController
class MeController {

    /** The signed-in user and their roles. */
    record Me(String user, List<String> roles) {
    }

    @Operation(operationId = "me", summary = "Who is signed in, with which roles")
    @ApiResponse(responseCode = "200", description = "The caller")
    @GetMapping(path = "/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me(Authentication user) {
        return new Me(user.getName(), Roles.of(user));
    }
}
