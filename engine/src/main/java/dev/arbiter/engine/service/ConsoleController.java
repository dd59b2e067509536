package dev.arbiter.engine.service;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console lives under /console/; the service's root and /console lead there. */
@Controller
class ConsoleController {

    @GetMapping({"/", "/console", "/console/"})
    String console() {
        return "redirect:/console/index.html";
    }
}
