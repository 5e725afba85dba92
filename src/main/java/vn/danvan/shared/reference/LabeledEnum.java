package vn.danvan.shared.reference;

/** An API enum whose codes carry Vietnamese and English labels for frontends. */
public interface LabeledEnum {
  String labelVi();

  String labelEn();
}
