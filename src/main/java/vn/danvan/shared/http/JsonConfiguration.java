package vn.danvan.shared.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.text.Normalizer;

/**
 * Every string that enters the API is brought to Unicode NFC: Vietnamese text arrives both
 * precomposed and with combining marks, and "Hội" must equal "Hội" when stored, compared and
 * searched.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    SimpleModule module = new SimpleModule("danvan-nfc");
    module.addDeserializer(
        String.class,
        new StringDeserializer() {
          @Override
          public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC)
                ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
          }
        });
    mapper.registerModule(module);
    // enums are codes: 5 or "4" must not silently select the fifth constant
    mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
  }
}
