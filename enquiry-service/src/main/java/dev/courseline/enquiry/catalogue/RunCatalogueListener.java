package dev.courseline.enquiry.catalogue;

/** Something that keeps its own state in step with the catalogue's runs; called on the consumer thread. */
public interface RunCatalogueListener {

    void apply(RunPayload run);
}
