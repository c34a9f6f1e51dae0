namespace HwGen.Model;

/// <summary>microGPT's state_dict tensor names.</summary>
public static class TensorNames
{
    public const string Wte = "wte";
    public const string Wpe = "wpe";
    public const string LmHead = "lm_head";

    public static string AttnWq(int layer) => $"layer{layer}.attn_wq";
    public static string AttnWk(int layer) => $"layer{layer}.attn_wk";
    public static string AttnWv(int layer) => $"layer{layer}.attn_wv";
    public static string AttnWo(int layer) => $"layer{layer}.attn_wo";
    public static string MlpFc1(int layer) => $"layer{layer}.mlp_fc1";
    public static string MlpFc2(int layer) => $"layer{layer}.mlp_fc2";

    /// <summary>The file-system name of a tensor: dots become underscores (layer0.attn_wq -> layer0_attn_wq).</summary>
    public static string FileStem(string tensorName) => tensorName.Replace('.', '_');
}
