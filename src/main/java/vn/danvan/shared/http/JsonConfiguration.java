package vn.danvan.shared.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.text.Normalizer;

/**
 * Every string that enters the API is brought to Unicode NFC: Vietnamese text arrives both
 * precomposed and with combining marks, and "Hội" must equal "Hội" when stored, compared and
 * searched. A string holding U+0000 is refused here (PostgreSQL cannot store it in text), and so is
 * an object that names one key twice: {@code {"percent":5,"percent":null}} must not silently mean
 * null. Documents are bounded too, so that a huge array fails while it is read, not after.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

  /** Deeper than any request of the API (a recurrence inside a task inside a list: 4). */
  static final int MAX_NESTING_DEPTH = 32;

  /** Longer than any text field (the longest, a directive body, is capped at 1,000,000). */
  static final int MAX_STRING_LENGTH = 2_000_000;

  static final int MAX_NUMBER_LENGTH = 100;

  /** A JSON request is small: the largest legitimate one, 5,000 tasks, is about 5 MB. */
  static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;

  /**
   * Far more than the largest legitimate request (5,000 tasks of about 40 tokens each), far less
   * than the 12.5 million elements of an abusive array: such a body fails while it is read.
   */
  static final long MAX_TOKENS = 1_000_000;

  /** A string value that holds U+0000; its path in the request becomes the problem's pointer. */
  public static final class NulCharacter extends InvalidFormatException {
    NulCharacter(JsonParser p) {
      super(p, "U+0000 in a string", null, String.class);
    }
  }

  @Override
  public void customize(ObjectMapper mapper) {
    SimpleModule module = new SimpleModule("danvan-nfc");
    module.addDeserializer(
        String.class,
        new StringDeserializer() {
          @Override
          public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
              throw new NulCharacter(p);
            }
            return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC)
                ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
          }
        });
    mapper.registerModule(module);
    mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .maxTokenCount(MAX_TOKENS)
                .build());
    // enums are codes: 5 or "4" must not silently select the fifth constant
    mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
  }
}
