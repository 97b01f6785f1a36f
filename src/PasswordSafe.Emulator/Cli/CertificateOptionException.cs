using System;

namespace PasswordSafe.Emulator.Cli;

/// <summary>A certificate option that cannot be used; the message names the option, the file and what is wrong.</summary>
internal sealed class CertificateOptionException : Exception
{
    internal CertificateOptionException(string message, Exception? inner = null) : base(message, inner) { }
}
