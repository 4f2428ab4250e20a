package com.steadydesk.crisis.web;

import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerSearch;
import com.steadydesk.scripts.ScriptManagement;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search-as-you-type pickers of the cockpit's follow-up forms: customers by name or contact (masked as the viewer
 * must see it), approved scripts by title. The chosen row binds as {@code customerId} or {@code scriptId}, so nobody
 * types an id the screens never show.
 */
@Controller
class CrisisPickers {

    private final CustomerManagement customers;
    private final ScriptManagement scripts;

    CrisisPickers(CustomerManagement customers, ScriptManagement scripts) {
        this.customers = customers;
        this.scripts = scripts;
    }

    @GetMapping("/crisis/pickers/customers")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String customers(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("customers", q == null || q.isBlank() ? List.of()
                : customers.searchForViewer(new CustomerSearch(q.strip(), null, false, null, 8)).rows());
        model.addAttribute("query", q);
        return "crisis/pickers :: customers";
    }

    @GetMapping("/crisis/pickers/scripts")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String scripts(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("scripts", q == null || q.isBlank() ? List.of() : scripts.searchApproved(q.strip(), 8));
        model.addAttribute("query", q);
        return "crisis/pickers :: scripts";
    }
}
