namespace PasswordSafe.Emulator.Http;

/// <summary>The body of POST /emulator/refusals; numbers are nullable so that a missing one is named as missing.</summary>
internal sealed class RefusalRuleBody
{
    public string? Method { get; set; }
    public string? Path { get; set; }
    public int? StatusCode { get; set; }
    public string? Body { get; set; }
    public string? UserName { get; set; }
}
