package io.suiji.registry.importing;

import java.util.List;

/** A column of an import file: its header as a bureau writes it, the other spellings accepted, whether it must be there. */
public interface ImportColumn {

    String header();

    List<String> aliases();

    boolean required();
}
