using System;

namespace PasswordSafe.Emulator;

/// <summary>A seed that cannot be loaded; the message names the item and what to change.</summary>
public sealed class SeedException : Exception
{
    public SeedException(string message) : base(message) { }
    public SeedException(string message, Exception inner) : base(message, inner) { }
}
