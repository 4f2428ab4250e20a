package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.CategoryManagement;
import com.steadydesk.knowledge.CategoryManagement.CategoryForm;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Admin screen of the category tree. */
@Controller
@RequestMapping("/knowledge/categories")
class CategoriesController {

    private final CategoryManagement categories;

    CategoriesController(CategoryManagement categories) {
        this.categories = categories;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        model.addAttribute("form", new CategoryForm(null, null, "", "", 0));
        return page(model);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Valid @ModelAttribute("form") CategoryForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return page(model);
        }
        categories.create(form);
        return "redirect:/knowledge/categories";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @Valid CategoryForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("form", new CategoryForm(null, null, "", "", 0));
            model.addAttribute("rowError", id);
            return page(model);
        }
        categories.update(id, form);
        return "redirect:/knowledge/categories";
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id) {
        categories.delete(id);
        return "redirect:/knowledge/categories";
    }

    private String page(Model model) {
        model.addAttribute("categories", categories.tree());
        return "knowledge/categories";
    }
}
