package com.steadydesk.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; Spring Security handles the POST. */
@Controller
class LoginController {

    /** {@code throttled}: the seconds a refused login has to wait (LoginThrottle), shown to the person. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) Long throttled, Model model) {
        if (throttled != null && throttled > 0) {
            model.addAttribute("throttledSeconds", throttled);
        }
        return "identity/login";
    }
}
