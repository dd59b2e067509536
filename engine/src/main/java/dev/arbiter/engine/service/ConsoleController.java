package dev.arbiter.engine.service;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console lives under /console/; the service's root and /console lead there. */
@Controller
class ConsoleController {

    @Hidden // the console's page, not an API operation
    @GetMapping({"/", "/console", "/console/"})
    String console() {
        return "redirect:/console/index.html";
    }
}
