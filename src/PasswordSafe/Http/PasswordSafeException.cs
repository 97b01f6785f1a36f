using System;

namespace PasswordSafe.Http;

/// <summary>
/// A failure with a stable error id (ARCHITECTURE.md "Error ids") and the action the user should take.
/// Thrown by the PowerShell-free layers; the cmdlets turn it into an ErrorRecord.
/// Messages never carry secrets: callers pass redacted URIs only.
/// </summary>
public class PasswordSafeException : Exception
{
    public PasswordSafeException(string errorId, string message, string? recommendedAction = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        RecommendedAction = recommendedAction;
    }

    /// <summary>The stable id, e.g. <c>AuthenticationFailed</c>.</summary>
    public string ErrorId { get; }

    /// <summary>What the user should do next; shown in the error's details.</summary>
    public string? RecommendedAction { get; }
}
