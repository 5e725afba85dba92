package vn.danvan.demo;

/**
 * One demo loader of {@link DemoData}: finds with one cheap query whether its data is there, and
 * loads it once (through the features' services) when it is not.
 */
interface DemoStep {

  void loadIfAbsent();
}
