using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// A seed that cannot be loaded; the message says where (<c>lab.json:12: $.Users[2] 'alice'</c>: the file and line when the
/// seed came from JSON, the item by its place and name) and what to change.
/// </summary>
public sealed class SeedException : Exception
{
    public SeedException(string message) : base(message) { }
    public SeedException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Whether the message already names the file (or JSON text) and line.</summary>
    internal bool Located { get; private init; }

    internal static SeedException LocatedAt(string message, Exception? inner = null) =>
        inner is null ? new SeedException(message) { Located = true } : new SeedException(message, inner) { Located = true };
}
