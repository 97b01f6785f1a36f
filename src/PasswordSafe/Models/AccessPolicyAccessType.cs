namespace PasswordSafe;

/// <summary>An access type a schedule allows (View, RDP, SSH, App) and how it is granted.</summary>
public sealed class AccessPolicyAccessType
{
    public string? AccessType { get; internal set; }

    /// <summary>0: requests are approved at once; more: they wait as Pending for that many approvals.</summary>
    public int MinApprovers { get; internal set; }

    public bool IsSession { get; internal set; }

    public bool RecordSession { get; internal set; }

    /// <summary>How many requests of this type may be open at once (0: no limit).</summary>
    public int MaxConcurrent { get; internal set; }

    public override string ToString() =>
        MinApprovers == 0 ? $"{AccessType} (auto-approved)"
        : MinApprovers == 1 ? $"{AccessType} (1 approver)"
        : $"{AccessType} ({MinApprovers} approvers)";
}
