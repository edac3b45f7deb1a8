package cn.edu.xietong.shared;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.MethodDescriptor;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the Bean Validation constraints on a service method's parameters before it runs, for every EJB (the default
 * interceptor of this module, {@code META-INF/ejb-jar.xml}): a broken constraint is an {@link InvalidInputException}
 * whose problems are the constraints' messages, which are bundle keys, so the page shows the same translated message a
 * hand-written check gave, and nothing was changed. The container's own method validation is off
 * ({@code META-INF/validation.xml}) so that every service answers bad input the one way.
 */
public class InputValidation {

    /** Whether a method has constrained parameters: asked of Bean Validation once per method, not per call. */
    private static final Map<Method, Boolean> CONSTRAINED = new ConcurrentHashMap<>();

    @Resource
    private Validator validator;

    @AroundInvoke
    public Object validate(InvocationContext call) throws Exception {
        Method method = call.getMethod();
        if (method != null && call.getParameters() != null && call.getParameters().length > 0
                && CONSTRAINED.computeIfAbsent(method, this::constrained)) {
            Set<ConstraintViolation<Object>> broken = validator.forExecutables().validateParameters(call.getTarget(),
                    call.getMethod(), call.getParameters());
            if (!broken.isEmpty()) {
                throw new InvalidInputException(broken.stream()
                        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .map(ConstraintViolation::getMessage).distinct().toList());
            }
        }
        return call.proceed();
    }

    private boolean constrained(Method method) {
        MethodDescriptor described = validator.getConstraintsForClass(method.getDeclaringClass())
                .getConstraintsForMethod(method.getName(), method.getParameterTypes());
        return described != null && described.hasConstrainedParameters();
    }
}
