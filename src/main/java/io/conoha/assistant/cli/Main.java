package io.conoha.assistant.cli;

public final class Main {
  public static void main(String[] args) {
    System.out.println("conoha-assistant");
  }
}
