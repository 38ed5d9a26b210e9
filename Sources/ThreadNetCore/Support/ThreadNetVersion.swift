/// ThreadNet's version, written into every report's provenance.
public enum ThreadNetVersion {
    public static let current = "0.1.0"
}
