package com.jackhoman.kfp.releaser.kfp.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContexts;

/** Decides which server certificates the client trusts: the system's, a PEM CA bundle, or any. */
final class TlsTrust {

  private TlsTrust() {}

  /** The TLS strategy the endpoint asks for. */
  static TlsSocketStrategy strategyFor(KfpEndpoint endpoint) {
    try {
      if (endpoint.insecureSkipTlsVerify()) {
        SSLContext trustAll =
            SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
        return new DefaultClientTlsStrategy(trustAll, NoopHostnameVerifier.INSTANCE);
      }
      if (endpoint.caBundle().isPresent()) {
        return new DefaultClientTlsStrategy(contextTrusting(endpoint.caBundle().get()));
      }
      return DefaultClientTlsStrategy.createSystemDefault();
    } catch (GeneralSecurityException | IOException badTrust) {
      throw new IllegalArgumentException("Could not set up TLS for KFP: " + badTrust, badTrust);
    }
  }

  private static SSLContext contextTrusting(Path pemFile)
      throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(pemFile)) {
      int index = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
        trusted.setCertificateEntry("ca-" + index++, certificate);
      }
      if (index == 0) {
        throw new IOException("no certificate in " + pemFile);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
