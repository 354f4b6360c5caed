package dev.kassa.localstack;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Loaded only when logback is on the classpath (see {@link QuietLogging}). */
final class LogbackLevels {

    private LogbackLevels() {
    }

    static void warnUnlessConfigured(List<String> loggerNames) {
        setUnlessConfigured(loggerNames, Level.WARN);
    }

    static void errorUnlessConfigured(List<String> loggerNames) {
        setUnlessConfigured(loggerNames, Level.ERROR);
    }

    static void offUnlessConfigured(List<String> loggerNames) {
        setUnlessConfigured(loggerNames, Level.OFF);
    }

    private static void setUnlessConfigured(List<String> loggerNames, Level level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // SLF4J is bound to another backend
        }
        for (String name : loggerNames) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(level);
            }
        }
    }
}
