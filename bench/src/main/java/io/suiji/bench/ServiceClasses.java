package io.suiji.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A service's own classes, reached by name: the benchmarks compile without depending on the
 * services (Quarkus applications), and {@code bench/run} puts the classes on the class path.
 */
public final class ServiceClasses {

    private ServiceClasses() {
    }

    /** Calls a static method of a service class, rethrowing what the method threw. */
    public static Object invoke(String type, String method, Class<?>[] parameters, Object... args) throws Exception {
        Method m;
        try {
            m = Class.forName(type).getMethod(method, parameters);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(type + " is not on the class path: run the benchmark through bench/run", e);
        }
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
