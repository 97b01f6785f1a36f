namespace PasswordSafe.Emulator;

/// <summary>The fields of POST ISARequests and POST ISASessions (api-v3 §5.2, §5.3).</summary>
internal sealed record IsaBody
{
    internal int? SystemId { get; init; }
    internal int? AccountId { get; init; }
    internal int? DurationMinutes { get; init; }
    internal string? Reason { get; init; }
    internal string? SessionType { get; init; }
    internal int? ApplicationId { get; init; }
}
