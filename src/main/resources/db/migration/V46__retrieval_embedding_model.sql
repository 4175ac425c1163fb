-- Which embedding model made each passage's vector (issue 17: the engine's model is configurable,
-- verbatim.retrieval.embedding-model). Vectors of two models are never compared: each model's vectors
-- go to their own index field, and passages of another model than the node's are re-embedded by a
-- background job (PassageReembedding) that reads this column. Every vector stored so far is MiniLM's.
-- A constant default: PostgreSQL adds the column without rewriting the table.
ALTER TABLE retrieval_passages ADD COLUMN embedding_model text NOT NULL DEFAULT 'all-minilm-l6-v2-q';
