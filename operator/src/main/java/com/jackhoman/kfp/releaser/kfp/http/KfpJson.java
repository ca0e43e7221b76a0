package com.jackhoman.kfp.releaser.kfp.http;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;

/**
 * The JSON dialect of KFP's REST gateway: snake_case names, RFC 3339 times (the epoch meaning
 * unset), integers in free-form values kept integral.
 */
public final class KfpJson {

  /** The one Gson instance the adapters read and write KFP's wire objects with. */
  public static final Gson GSON =
      new GsonBuilder()
          .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
          .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
          .registerTypeAdapter(Instant.class, new Rfc3339().nullSafe())
          .disableHtmlEscaping()
          .create();

  private KfpJson() {}

  /** Reads and writes timestamps; KFP fills unset ones with the epoch, read here as absent. */
  private static final class Rfc3339 extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      Instant instant = Instant.parse(in.nextString());
      return instant.equals(Instant.EPOCH) ? null : instant;
    }
  }
}
