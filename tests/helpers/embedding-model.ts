// Writes a transformers.js feature-extraction model in the file layout of Xenova/all-MiniLM-L6-v2 (tokenizer.json,
// tokenizer_config.json, config.json, onnx/model.onnx) from a table of word vectors. The graph is an embedding
// lookup: last_hidden_state = (word_emb[input_ids] + type_emb[token_type_ids]) * mask, so with the pipeline's mean
// pooling and normalisation a text embeds as the normalised average of its words' vectors. The tokenizer is a
// WordPiece one over whole words: a word outside the vocabulary becomes [UNK].
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';

/** Ids 0..4; their vectors are zero, so a text's embedding depends only on its words. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

export interface WordVectors {
  /** Lower-case, unique words; `vectors` holds one row of `dim` values per word, in the same order. */
  vocab: string[];
  vectors: Float32Array;
  dim: number;
  /** Tokens beyond this are cut off by the tokenizer (default 512). */
  maxLength?: number;
}

function tokenizerJson(vocab: Record<string, number>) {
  const special = (content: string) => ({
    id: vocab[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const tok = (id: string) => ({ SpecialToken: { id, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [tok('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, tok('[SEP]')],
      pair: [
        tok('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        tok('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [vocab[t]], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

const { onnx } = onnxProto;
const F32 = onnx.TensorProto.DataType.FLOAT;
const I64 = onnx.TensorProto.DataType.INT64;

function floatTensor(name: string, dims: number[], values: Float32Array) {
  const rawData = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return onnx.TensorProto.create({ name, dims, dataType: F32, rawData });
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>) {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: { dim } } } });
}

const node = (opType: string, input: string[], output: string, attribute: onnxProto.onnx.IAttributeProto[] = []) =>
  onnx.NodeProto.create({ opType, input, output: [output], name: output, attribute });

function modelOnnx(words: Float32Array, vocabSize: number, dim: number): Uint8Array {
  const graph = onnx.GraphProto.create({
    name: 'word-embedder',
    initializer: [
      floatTensor('word_emb', [vocabSize, dim], words),
      floatTensor('type_emb', [2, dim], new Float32Array(2 * dim)),
      onnx.TensorProto.create({ name: 'axes', dims: [1], dataType: I64, int64Data: [-1] }),
    ],
    node: [
      node('Gather', ['word_emb', 'input_ids'], 'we'),
      node('Gather', ['type_emb', 'token_type_ids'], 'te'),
      node('Add', ['we', 'te'], 'h'),
      node('Cast', ['attention_mask'], 'mf', [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: F32 }]),
      node('Unsqueeze', ['mf', 'axes'], 'mu'),
      node('Mul', ['h', 'mu'], 'last_hidden_state'),
    ],
    input: [
      valueInfo('input_ids', I64, ['batch', 'seq']),
      valueInfo('attention_mask', I64, ['batch', 'seq']),
      valueInfo('token_type_ids', I64, ['batch', 'seq']),
    ],
    output: [valueInfo('last_hidden_state', F32, ['batch', 'seq', dim])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'pagi-word-vectors',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Writes the model files into `dir` (created if missing). */
export function writeEmbeddingModel(dir: string, { vocab, vectors, dim, maxLength = 512 }: WordVectors): void {
  if (vectors.length !== vocab.length * dim) throw new Error(`expected ${vocab.length} × ${dim} values`);
  const tokens = [...SPECIAL_TOKENS, ...vocab];
  const ids = Object.fromEntries(tokens.map((t, i) => [t, i]));
  if (Object.keys(ids).length !== tokens.length) throw new Error('vocabulary words must be unique');
  const words = new Float32Array(tokens.length * dim);
  words.set(vectors, SPECIAL_TOKENS.length * dim);
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(ids)));
  writeFileSync(
    path.join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: maxLength,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  );
  writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: dim,
      vocab_size: tokens.length,
      type_vocab_size: 2,
      max_position_embeddings: maxLength,
      num_attention_heads: 1,
      num_hidden_layers: 1,
    }),
  );
  writeFileSync(path.join(dir, 'onnx', 'model.onnx'), modelOnnx(words, tokens.length, dim));
}
