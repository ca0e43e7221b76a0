package com.jackhoman.kfp.releaser.kfp.http;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/** Writes a 64-bit integer field as a JSON string, as proto3 JSON does, and reads either form. */
public final class Int64AsString extends TypeAdapter<Long> {

  @Override
  public void write(JsonWriter out, Long value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else {
      out.value(value.toString());
    }
  }

  @Override
  public Long read(JsonReader in) throws IOException {
    if (in.peek() == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    return in.nextLong();
  }
}
