package io.conoha.assistant.metrics;
class ScrapeDumpTest {
  @org.junit.jupiter.api.Test void dump() throws Exception { System.out.println(RealScrape.file()); }
}
