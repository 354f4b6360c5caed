package dev.kassa.console.web;

import dev.kassa.console.api.ServiceProblem;
import dev.kassa.console.signin.SignedInOperator;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page has: the signed-in operator (its name and what its roles allow decide which actions a page shows),
 * and the one way a service's refusal or failure is shown: its own problem detail, with the page's status following
 * it (404 stays 404, a refusal is 403, a service that did not answer 503, anything else 502).
 */
@ControllerAdvice
class ConsolePages {

    @ModelAttribute("operator")
    SignedInOperator operator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInOperator operator
                ? operator : null;
    }

    @ExceptionHandler(ServiceProblem.class)
    ModelAndView serviceProblem(ServiceProblem problem) {
        ModelAndView page = new ModelAndView("problem");
        page.addObject("problem", problem);
        page.addObject("operator", operator());
        page.setStatus(switch (problem.status()) {
            case 400, 404, 409, 422 -> HttpStatus.valueOf(problem.status());
            case 401, 403 -> HttpStatus.FORBIDDEN;
            case 503 -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_GATEWAY;
        });
        return page;
    }
}
