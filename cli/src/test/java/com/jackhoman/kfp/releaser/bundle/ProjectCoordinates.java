package com.jackhoman.kfp.releaser.bundle;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The project version and image repository, read from {@code pom.xml} so that the bundle, the image
 * and the tests agree on one release.
 *
 * @param version the project version, e.g. {@code 0.1.0}
 * @param imageRepository where the operator image is pushed, e.g. {@code
 *     ghcr.io/jackhoman/kfp-releaser}
 */
record ProjectCoordinates(String version, String imageRepository) {

  /** Reads the coordinates from the {@code pom.xml} at {@code pom}. */
  static ProjectCoordinates read(Path pom) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(pom.toFile());
      var xpath = XPathFactory.newInstance().newXPath();
      return new ProjectCoordinates(
          xpath.evaluate("/project/version", document).strip(),
          xpath.evaluate("/project/properties/image.repository", document).strip());
    } catch (ParserConfigurationException | SAXException | XPathExpressionException e) {
      throw new IOException("Could not read " + pom, e);
    }
  }

  /** The operator image of this release, pinned to the version tag. */
  String image() {
    return imageRepository + ":" + version;
  }
}
