namespace PasswordSafe.Emulator;

/// <summary>How far a feature permission or smart-rule access reaches (GET AccessLevels) [I ids].</summary>
public sealed record AccessLevel(int AccessLevelID, string Name)
{
    public const int ReadOnly = 1;
    public const int ReadWrite = 2;

    public static System.Collections.Generic.IReadOnlyList<AccessLevel> All { get; } =
        new[] { new AccessLevel(ReadOnly, "Read Only"), new AccessLevel(ReadWrite, "Read/Write") };

    public static AccessLevel? Find(int id) => System.Linq.Enumerable.FirstOrDefault(All, level => level.AccessLevelID == id);
}
