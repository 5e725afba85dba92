package vn.danvan;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of the packaged application. It checks the Java version before anything of the
 * application is loaded: on an older Java the first class of the application fails to load while
 * logging is not set up yet, and Quarkus exits with code 1 without printing anything. This class is
 * compiled for Java 17, the oldest Java that runs the Quarkus launcher (see pom.xml), so that it
 * can say what is wrong.
 */
@QuarkusMain
public class Main {

  static final int REQUIRED_JAVA = 21;

  public static void main(String... args) {
    int running = Runtime.version().feature();
    if (running < REQUIRED_JAVA) {
      System.err.println(tooOld(Runtime.version().toString(), System.getProperty("java.home")));
      System.exit(1);
    }
    // an undecodable request URI is answered as problem+json by the application (MalformedUri)
    // rather than by an empty 400 of the HTTP layer; the name is MalformedUri.DISABLE_EARLY_CHECK
    if (System.getProperty("vertx.disableURIValidation") == null) {
      System.setProperty("vertx.disableURIValidation", "true");
    }
    Quarkus.run(args);
  }

  static String tooOld(String version, String javaHome) {
    return "danvan-api needs Java "
        + REQUIRED_JAVA
        + " or newer, but was started with Java "
        + version
        + " ("
        + javaHome
        + "): run it with a JDK "
        + REQUIRED_JAVA
        + "+, e.g. $JAVA_HOME/bin/java -jar target/quarkus-app/quarkus-run.jar";
  }
}
