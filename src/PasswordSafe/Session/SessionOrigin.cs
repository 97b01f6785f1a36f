namespace PasswordSafe.Session;

/// <summary>Where a cmdlet got its session from; only a piped object's session may be replaced (SessionFallback).</summary>
internal enum SessionOrigin
{
    /// <summary>No -Session: this runspace's default session.</summary>
    Default,

    /// <summary>-Session given on the command line (typed, splatted, or from $PSDefaultParameterValues).</summary>
    Explicit,

    /// <summary>Bound by property name from a piped object's Session property.</summary>
    Piped,
}
